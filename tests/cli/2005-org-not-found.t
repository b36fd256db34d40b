setup: init
args: stats Nowhere
status: 1
--- stderr
exodus: stats: no organisation 'Nowhere' in the store (see 'exodus orgs')
