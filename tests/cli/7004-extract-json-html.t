args: extract --json $FIX/extract-news.html --date 2024-05-02
status: 0
--- stdout
{
  "files": [
    {
      "file": "$FIX/extract-news.html",
      "context_org": "Anthropic",
      "candidates": [
        {
          "person": "Joelle Brandt",
          "from_org": "Meta",
          "to_org": "Anthropic",
          "role": "head of AI research",
          "level": "exec",
          "event": "left",
          "date": "2024-05-02",
          "date_precision": "day",
          "date_in_text": false,
          "from_context": false,
          "background": false,
          "confidence": 0.96999999999999997,
          "evidence": "Meta's head of AI research, Joelle Brandt, is leaving the company & joining Anthropic.",
          "start": 143,
          "end": 237
        }
      ]
    }
  ]
}
