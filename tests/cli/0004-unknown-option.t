args: orgs --frob
status: 64
--- stderr-contains
exodus: orgs: unknown option '--frob'
