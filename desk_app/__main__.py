"""`python -m desk_app` is `desk-app`."""

from desk_app.cli import main

raise SystemExit(main())
