"""``python -m services.eligibility.discover --baseline cq-2021-09 --target cq-2022-09``

See :mod:`services.eligibility.entrypoints.discovery`.
"""

import sys

from services.eligibility.entrypoints.discovery import main

if __name__ == "__main__":
    sys.exit(main())
