# Fixture for the API tests: the shape of a benchmark script (its numbers below are made up for the fixture).
import json
print(json.dumps({"id": "dict-lookups"}))
