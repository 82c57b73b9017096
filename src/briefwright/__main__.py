from briefwright.entry import run

raise SystemExit(run())
