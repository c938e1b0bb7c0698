#!/usr/bin/env bash
# Alias for users of the original iac-driver: same flags as ./homestak.
exec "$(dirname "$(readlink -f "$0")")/homestak" "$@"
