from briefwright.cli import main

raise SystemExit(main())
