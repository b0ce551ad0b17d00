#!/usr/bin/env bash
# Regenerate the example Easy Read outputs from the seeds, with the offline rules backend.
set -euo pipefail
cd "$(dirname "$0")/.."
for seed in seeds/council-tax-letter.docx seeds/bin-collection-changes.txt; do
  name="$(basename "${seed%.*}")"
  easyread convert "$seed" -o "examples/$name.easyread.pdf" --quiet
done
