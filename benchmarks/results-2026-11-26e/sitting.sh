#!/bin/bash
# One sitting: torchvision and Augment alternated, one core (CPU 1), figures into $OUT.
# Augment runs each round with one worker thread and with none (Workers = 0: the consumer's thread loads).
OUT=${OUT:-/work/main/benchmarks/results-2026-11-26e/sitting1}
BIN=${BIN:-/tmp/s5/final/Augment.Pipeline.dll}
cd /work/main
export DOTNET_TC_CallCountingDelayMs=0
{ date -u; uptime; } > $OUT/sitting.txt
for round in 1 2 3; do
  taskset -c 1 /usr/bin/python3 ../shared/bench/peers.py /tmp/augbench/images --only 'train-classic|eval|train-rrc|tencrop' > $OUT/peers-$round.txt 2>&1
  taskset -c 1 dotnet $BIN /tmp/augbench/images --workers 1 --repeat 3 --seconds 6 > $OUT/pipeline-1core-$round.txt 2>&1
  taskset -c 1 dotnet $BIN /tmp/augbench/images --workers 0 --repeat 3 --seconds 6 --only 'ten-crop|^eval|simclr' > $OUT/pipeline-1core-0workers-$round.txt 2>&1
done
taskset -c 1 /usr/bin/python3 ../shared/bench/peers.py /tmp/augbench/images --only 'tencrop' > $OUT/peers-4.txt 2>&1
unset DOTNET_TC_CallCountingDelayMs
taskset -c 1 dotnet $BIN /tmp/augbench/images --workers 0 --repeat 3 --seconds 6 --only 'ten-crop \(loader' > $OUT/pipeline-1core-0workers-default-tiering.txt 2>&1
taskset -c 1 dotnet $BIN /tmp/augbench/images --workers 1 --repeat 3 --seconds 6 --only 'ten-crop \(loader' > $OUT/pipeline-1core-default-tiering.txt 2>&1
{ date -u; uptime; } >> $OUT/sitting.txt
