#!/usr/bin/env bash
# Publishes the site to DEST (a local folder or user@host:path) with rsync, only when the content is clean:
# `cpts-site check --strict` must pass, then the site is built and its links checked.
# rsync --delay-updates puts every new file in place at the end of the transfer, so visitors never see a
# half-updated site; --delete-after then removes stale files. --checksum sends only files whose content
# changed, and without --times an unchanged file is not even touched: every build rewrites public/, so its
# files' dates say nothing, and deploying the same site twice changes nothing.
#
# Usage: scripts/deploy.sh DEST          (run from the site's folder, holding content/ and themes/)
#        DRY_RUN=1 scripts/deploy.sh DEST   shows what would change, changes nothing
set -euo pipefail

dest="${1:-}"
if [ -z "$dest" ]; then
  echo "usage : scripts/deploy.sh DEST   (par exemple /var/www/cpts/ ou utilisateur@serveur:/var/www/cpts/)" >&2
  exit 2
fi
bin="${CPTS_SITE:-.build/release/cpts-site}"
content="${CONTENT:-content}"
output="${OUTPUT:-public}"

echo "== vérification de $content/ (les avertissements comptent comme des erreurs)"
"$bin" check --strict --content "$content" || { echo "publication refusée : corrigez d’abord les problèmes ci-dessus" >&2; exit 1; }
echo "== construction de $output/"
"$bin" build --content "$content" --output "$output"
echo "== vérification des liens de $output/"
"$bin" check --content "$content" --links "$output" || { echo "publication refusée : des liens ne mènent nulle part" >&2; exit 1; }

flags=(--recursive --links --checksum --delete-after --delay-updates --exclude=.cpts-site
       --itemize-changes --out-format='%i %n%L')
if [ -n "${DRY_RUN:-}" ]; then
  flags+=(--dry-run)
  echo "== essai à blanc : ce qui changerait sur $dest"
else
  echo "== publication vers $dest"
fi
changes=$(rsync "${flags[@]}" "$output/" "$dest")
if [ -z "$changes" ]; then
  echo "rien à changer : $dest est à jour"
else
  printf '%s\n' "$changes"
  n=$(printf '%s\n' "$changes" | wc -l); [ "$n" -gt 1 ] && echo "$n changements" || echo "$n changement"
fi
