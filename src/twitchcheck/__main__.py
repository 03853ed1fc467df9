from twitchcheck.cli import main

main()
