# 9703-pg-mpi-scan: exodus-mpi scan --db postgresql://... on 1 and 2 ranks
# prints exodus scan's JSON byte for byte (tests/pg/mpi, its own server).
# Fails without the server, mpirun or build/exodus-mpi (make mpi).
args: --version
status: 0
after: "$FIX/../pg/mpi" "$EXODUS"
--- stdout
exodus $VERSION
