# Numbers tie as dates do: 1.25 and 4.5 each appear twice, written to a
# step of 0.01, so the four tied events are spread within that step and
# the fit goes ahead; --ties exact keeps them and refuses a free decay.
args: spiral --events $FIX/events-tied.txt --window 0:12 --horizon 5 --paths 100
status: 0
--- stdout-contains
  events        12 (4 tied times spread within the data's step 0.01)
