"""Eligibility service: preliminary determinations for Chongqing social assistance."""
