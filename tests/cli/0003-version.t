args: --version
status: 0
--- stdout
exodus 0.1.0
