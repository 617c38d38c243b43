"""``python -m services.eligibility.evaluate < applications.jsonl > determinations.jsonl``

See :mod:`services.eligibility.entrypoints.batch`.
"""

import sys

from services.eligibility.entrypoints.batch import main

if __name__ == "__main__":
    sys.exit(main())
