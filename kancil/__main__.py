import sys

from kancil.cli import main

sys.exit(main())
