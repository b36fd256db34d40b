args: --version
status: 0
--- stdout
exodus $VERSION
