# Filters `dotnet test --logger "console;verbosity=normal"` into a readable run: one progress line per 100 finished
# tests, counted per test project, so that no project runs silently for minutes; every failure printed in full with
# its messages; a passed test's captured output (often a whole server log) left out; everything else passed through.
function project(name,    parts) {
  split(name, parts, ".")
  return parts[2]
}

function progress(    line, p) {
  line = sprintf("[%s] %d tests finished:", strftime("%H:%M:%S"), done)
  for (p in finished) line = line sprintf(" %s %d", p, finished[p])
  if (failures > 0) line = line sprintf(" (%d failed)", failures)
  print line
  fflush()
}

/^  (Passed|Failed|Skipped) / {
  done++
  finished[project($2)]++
  if ($1 == "Failed") failures++
  quiet = ($1 == "Passed")
  if (!quiet) { print; fflush() }
  if (done % 100 == 0) progress()
  next
}

/^\[xUnit\.net|^Test Run|^Total tests|^Results File|^A total of|^Test run for/ { quiet = 0 }

!quiet { print; fflush() }

END { if (done % 100 != 0) progress() }
