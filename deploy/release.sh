#!/bin/sh
# Release the writer's database ($PARINDEX_DB) to every target in $PARINDEX_RELEASE_TARGETS: a
# release folder on this host (/srv/parindex/readers) or one on a reader host (user@host:/folder,
# streamed over ssh). Each target checks the copy's SHA-256 and that it opens before swapping its
# current.duckdb (python -m parindex release); a failed target leaves its readers on the old release.
set -eu
python=/opt/parindex/.venv/bin/python
file=$PARINDEX_DB
sha=$(sha256sum "$file" | cut -d' ' -f1)
status=0
for target in $PARINDEX_RELEASE_TARGETS; do
  case "$target" in
    /*) "$python" -m parindex release --db "$file" --sha256 "$sha" --to "$target" || status=1 ;;
    *:*) ssh -o BatchMode=yes "${target%%:*}" "$python -m parindex release --from - --sha256 $sha --to ${target#*:}" \
           < "$file" || status=1 ;;
    *) echo "not a folder or host:folder: $target" >&2; status=1 ;;
  esac
done
exit $status
