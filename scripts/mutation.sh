#!/usr/bin/env bash
# Mutation testing of the event domain and the feed writers (make mutation): cosmic-ray mutates a
# copy of the tracked files (never the work tree) and runs tests/test_event_rules.py per mutant.
# Prints the survivors and the score; docs/decisions.md §14 lists the equivalent ones.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.venv/bin"
work="$(mktemp -d /tmp/igren-mutation.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$root"
git ls-files -z | xargs -0 cp --parents -t "$work"
cd "$work"
"$bin/cosmic-ray" init mutation.toml session.sqlite
PATH="$bin:$PATH" "$bin/cosmic-ray" exec mutation.toml session.sqlite
"$bin/cr-report" --show-output session.sqlite | grep -B1 -A12 "test outcome: TestOutcome.SURVIVED" || true
"$bin/cr-report" session.sqlite | tail -3
