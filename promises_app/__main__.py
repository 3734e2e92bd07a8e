import sys

from promises_app.cli import main

sys.exit(main())
