setup: import moves $FIX/moves-small.csv
args: moves --org Acme --since 2023-01-01 --level exec --json
status: 0
--- stdout
{
  "moves": [
    {
      "person": "Cy Chief",
      "from_org": "Acme",
      "to_org": null,
      "role": "chief technology officer",
      "level": "exec",
      "event": "fired",
      "date": "2023-02-10",
      "source_url": "https://example.org/d"
    }
  ]
}
