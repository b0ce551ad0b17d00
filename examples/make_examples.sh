#!/usr/bin/env bash
# Regenerate the example Easy Read outputs from two seeds, with the offline rules backend and
# OpenMoji pictures: PDF, Word, web page, Markdown and the editable plan of each.
# Needs the pictures extra: pip install -e '.[pictures]' (the pictures extra of easyread-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
for seed in seeds/council-tax-letter.docx seeds/bin-collection-changes.txt; do
  easyread convert "$seed" -o examples/ --format pdf,docx,html,md,json --pictures openmoji --quiet
done
