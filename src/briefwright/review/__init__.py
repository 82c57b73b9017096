"""The review loop: compare builds, read a reviewer's Word edits back, and sign-off that lapses."""
