#!/usr/bin/env bash
# Any CI system: lint the media, upload the SARIF log to GitHub code scanning, and fail the job when a file fails.
#   MEDIA_DIR           what to lint (default: recordings)
#   GITHUB_REPOSITORY   owner/name            GITHUB_SHA, GITHUB_REF: the commit and ref the findings belong to
#   GITHUB_TOKEN        a token allowed to write security events (read from the environment, never printed)
#   GITHUB_API_URL      default https://api.github.com
# Without GITHUB_TOKEN the upload is skipped; the SARIF and JUnit files stay in the working directory either way.
# Exit status: preflight's (0 pass, 1 a file fails, 2 the tool could not run), or 3 when the upload fails.
set -uo pipefail

media="${MEDIA_DIR:-recordings}"
status=0
preflight lint --output sarif:preflight.sarif --output junit:preflight.xml "$media" || status=$?
[ "$status" -le 1 ] || { echo "preflight lint could not run (status $status)" >&2; exit "$status"; }

if [ "${GITHUB_TOKEN:+set}" = set ]; then
    api="${GITHUB_API_URL:-https://api.github.com}"
    payload="$(mktemp)"
    trap 'rm -f "$payload"' EXIT
    sarif="$(gzip -c preflight.sarif | base64 | tr -d '\n')"
    printf '{"commit_sha":"%s","ref":"%s","sarif":"%s","tool_name":"preflight"}' \
        "$GITHUB_SHA" "$GITHUB_REF" "$sarif" > "$payload"
    # The token goes to curl as a header on standard input, so it is not in the process list; tracing (bash -x)
    # is off while that line runs, so it is not in the job's log either.
    case $- in *x*) trace=1 ;; *) trace=0 ;; esac
    { set +x; } 2>/dev/null
    printf 'Authorization: Bearer %s\n' "$GITHUB_TOKEN" | curl --fail --silent --show-error \
        -X POST -H @- -H "Accept: application/vnd.github+json" --data-binary @"$payload" \
        "$api/repos/$GITHUB_REPOSITORY/code-scanning/sarifs" > /dev/null
    uploaded=$?
    [ "$trace" = 0 ] || set -x
    if [ "$uploaded" -ne 0 ]; then
        echo "uploading preflight.sarif failed" >&2
        exit 3
    fi
    echo "uploaded preflight.sarif to $GITHUB_REPOSITORY code scanning"
fi

[ "$status" -eq 0 ] || echo "preflight lint: some files fail (status 1); see the report above" >&2
exit "$status"
