#!/usr/bin/env bash
# Convert every document in a folder (and the folders inside it) into Easy Read, for cron.
#
#   convert-folder.sh SOURCE_FOLDER OUTPUT_FOLDER [LOG_FILE]
#
# Only new or changed documents are converted; easyread-manifest.json in OUTPUT_FOLDER says what
# was done. The exit code is easyread's: 0 all converted or unchanged, 1 some failed (see the log),
# 2 a usage error, 130 interrupted (the next run finishes the job). Example crontab line, every
# night at 2am:
#
#   0 2 * * * /opt/easyread/examples/batch/convert-folder.sh /srv/policies /srv/easyread /var/log/easyread.log
set -uo pipefail

source_folder="${1:?usage: convert-folder.sh SOURCE_FOLDER OUTPUT_FOLDER [LOG_FILE]}"
output_folder="${2:?usage: convert-folder.sh SOURCE_FOLDER OUTPUT_FOLDER [LOG_FILE]}"
log_file="${3:-$output_folder/easyread.log}"
easyread="${EASYREAD:-easyread}"   # e.g. EASYREAD=/opt/easyread/.venv/bin/easyread

mkdir -p "$output_folder" "$(dirname "$log_file")"
# One run at a time: a second run while the first is still going would convert the same documents.
exec 9>"$output_folder/.easyread.lock"
if ! flock -n 9; then
  echo "$(date -u +%FT%TZ) another conversion into $output_folder is still running" >>"$log_file"
  exit 0
fi

{
  echo "$(date -u +%FT%TZ) converting $source_folder into $output_folder"
  "$easyread" convert "$source_folder" --output "$output_folder" --recursive --verbose
  status=$?
  echo "$(date -u +%FT%TZ) finished with exit code $status"
  exit "$status"
} >>"$log_file" 2>&1
