"""Policy data shipped with the service: parameter histories, versions and citations (YAML).

This is a package only so that the YAML files travel as package data and can be read with
``importlib.resources``; it holds no code.
"""
