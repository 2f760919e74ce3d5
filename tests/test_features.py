"""Runs every Dutch scenario in `features/` with the shared steps from conftest."""

from pytest_bdd import scenarios

scenarios(".")
