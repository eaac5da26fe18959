"""`python -m studyapp` runs the same command line as the `studyapp` script."""

from studyapp.cli import main

raise SystemExit(main())
