"""The ``kronika`` command line (typer + rich): thin commands over plain functions."""
from kronika.cli.app import app, main

__all__ = ["app", "main"]
