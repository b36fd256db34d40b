args: init
status: 0
--- stdout-contains
ready (schema version 3)
