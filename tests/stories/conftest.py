"""Lets the tests here import story_helpers under pytest's importlib import mode (which puts
no test folder on sys.path)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
