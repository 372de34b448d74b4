from awesome_tidy.cli import main

main()
