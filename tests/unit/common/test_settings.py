from __future__ import annotations

import pytest

from services.common.errors import SettingsError
from services.common.settings import Environment, LogFormat
from services.eligibility.config import Settings as EligibilitySettings
from services.intake_bot.config import Settings as IntakeSettings
from services.notifier.config import Settings as NotifierSettings


def test_defaults_point_at_the_local_stack_with_one_port_per_service() -> None:
    ports = {
        IntakeSettings.from_env({}).common.http_port,
        EligibilitySettings.from_env({}).common.http_port,
        NotifierSettings.from_env({}).common.http_port,
    }
    assert ports == {38080, 38081, 38082}
    common = IntakeSettings.from_env({}).common
    assert common.kafka_bootstrap_servers == "127.0.0.1:39092"
    assert common.environment is Environment.DEVELOPMENT
    assert common.log_format is LogFormat.TEXT


def test_a_service_prefixed_variable_wins_over_the_shared_one() -> None:
    env = {"YUZHU_REDIS_URL": "redis://shared:6379/0", "YUZHU_NOTIFIER_REDIS_URL": "redis://own/1"}
    assert NotifierSettings.from_env(env).common.redis_url == "redis://own/1"
    assert IntakeSettings.from_env(env).common.redis_url == "redis://shared:6379/0"


def test_production_listens_on_all_interfaces_and_logs_json() -> None:
    env = {"YUZHU_ENV": "production", "YUZHU_INTAKE_WEBHOOK_SECRET": "from-the-secret-store"}
    common = IntakeSettings.from_env(env).common
    assert common.http_host == "0.0.0.0"  # noqa: S104
    assert common.log_format is LogFormat.JSON


def test_a_malformed_number_names_the_variable_and_what_it_expects() -> None:
    with pytest.raises(
        SettingsError, match=r"YUZHU_INTAKE_HTTP_PORT='eighty': expected a whole number"
    ):
        IntakeSettings.from_env({"YUZHU_INTAKE_HTTP_PORT": "eighty"})


def test_an_out_of_range_port_is_refused() -> None:
    with pytest.raises(SettingsError, match=r"expected 1\.\.65535"):
        NotifierSettings.from_env({"YUZHU_HTTP_PORT": "70000"})


def test_an_unknown_environment_lists_the_allowed_ones() -> None:
    with pytest.raises(SettingsError, match="development, production"):
        IntakeSettings.from_env({"YUZHU_ENV": "staging"})


def test_extra_policy_files_are_a_comma_separated_list() -> None:
    env = {"YUZHU_ELIGIBILITY_EXTRA_POLICY_FILES": "/a.yaml, /b.yaml"}
    assert EligibilitySettings.from_env(env).extra_policy_files == ("/a.yaml", "/b.yaml")


def test_a_secret_has_a_development_default_but_must_be_set_in_production() -> None:
    from services.common.settings import EnvReader

    assert EnvReader("intake", {}).secret("WEBHOOK_SECRET", "dev", production=False) == "dev"
    with pytest.raises(SettingsError, match="YUZHU_INTAKE_WEBHOOK_SECRET"):
        EnvReader("intake", {}).secret("WEBHOOK_SECRET", "dev", production=True)
    env = {"YUZHU_INTAKE_WEBHOOK_SECRET": "s3"}
    assert EnvReader("intake", env).secret("WEBHOOK_SECRET", "dev", production=True) == "s3"


def test_the_intake_bot_refuses_to_start_in_production_without_its_webhook_secret() -> None:
    with pytest.raises(SettingsError, match="YUZHU_INTAKE_WEBHOOK_SECRET"):
        IntakeSettings.from_env({"YUZHU_ENV": "production"})


def test_the_redis_pool_is_sized_per_service_and_refuses_a_pool_too_small_to_work() -> None:
    env = {"YUZHU_REDIS_MAX_CONNECTIONS": "32", "YUZHU_INTAKE_REDIS_MAX_CONNECTIONS": "256"}
    assert IntakeSettings.from_env(env).common.redis_max_connections == 256
    assert NotifierSettings.from_env(env).common.redis_max_connections == 32
    with pytest.raises(SettingsError, match="YUZHU_REDIS_MAX_CONNECTIONS"):
        NotifierSettings.from_env({"YUZHU_REDIS_MAX_CONNECTIONS": "1"})
