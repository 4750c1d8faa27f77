#!/bin/sh
# Writes the man page newsbrief.1 from the --help texts of a built newsbrief,
# so that the page says what the program says: the build runs this (see
# CMakeLists.txt), nobody edits the page by hand.
#
# usage: scripts/manpage.sh NEWSBRIEF VERSION OUT
#   NEWSBRIEF  the built program
#   VERSION    its version, for the page's footer
#   OUT        the man page to write (through OUT.tmp, renamed into place)
set -eu
if [ $# -ne 3 ]; then
    echo "usage: scripts/manpage.sh NEWSBRIEF VERSION OUT" >&2
    exit 2
fi
bin=$1 version=$2 out=$3

# Text as roff: backslashes and hyphens escaped, a leading '.' or "'"
# made literal, so that help text is never read as a request.
roff() {
    sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e 's/^[.'\'']/\\\&&/'
}

# The usage block of a help text (its first lines, up to the first blank
# one) without "usage: ", and the rest after it.
usage_of() {
    sed -n '1,/^$/{/^$/d;s/^usage: //;s/^       //;p;}'
}
body_of() {
    sed '1,/^$/d'
}

main=$("$bin" --help)
summary=$(printf '%s\n' "$main" | body_of | sed -n '1{s/\.$//;p;}')
first=$(printf '%s' "$summary" | cut -c1 | tr 'A-Z' 'a-z')
rest=$(printf '%s' "$summary" | cut -c2-)
commands=$(printf '%s\n' "$main" | awk '/^Commands:/ {f = 1; next} f && /^$/ {exit} f {print $1}')
if [ -z "$commands" ]; then
    echo "manpage.sh: no commands in '$bin --help'" >&2
    exit 1
fi

{
    printf '.TH NEWSBRIEF 1 "" "newsbrief %s" "User Commands"\n' "$version"
    printf '.\\" Written by scripts/manpage.sh from newsbrief --help: do not edit.\n'
    printf '.SH NAME\n'
    printf 'newsbrief \\- '
    printf '%s%s\n' "$first" "$rest" | roff
    printf '.SH SYNOPSIS\n.nf\n'
    printf '%s\n' "$main" | usage_of | roff
    for c in $commands; do
        "$bin" "$c" --help | usage_of | roff
    done
    printf '.fi\n.SH DESCRIPTION\n.nf\n'
    printf '%s\n' "$main" | body_of | roff
    printf '.fi\n.SH COMMANDS\n'
    for c in $commands; do
        help=$("$bin" "$c" --help)
        printf '.SS %s\n.nf\n' "$c"
        printf '%s\n' "$help" | usage_of | roff
        printf '\n'
        printf '%s\n' "$help" | body_of | roff
        printf '.fi\n'
    done
    printf '.SH SEE ALSO\n'
    printf '.BR espeak\\-ng (1)\n'
} >"$out.tmp"
mv "$out.tmp" "$out"
