#!/bin/sh
exec python3 "$(dirname "$0")/spec_examples.py"
