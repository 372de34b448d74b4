from awesome_tidy.cli import run

run()
