"""Adapters that connect the pure eligibility domain to files and other infrastructure."""
