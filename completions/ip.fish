# fish completion for ipbox's ip applet
complete -c ip -f
complete -c ip -n '__fish_use_subcommand' -a 'address link netns route help'
complete -c ip -n '__fish_seen_subcommand_from address' -a 'add change replace delete show flush help'
complete -c ip -n '__fish_seen_subcommand_from link' -a 'add set change replace delete show property help'
complete -c ip -n '__fish_seen_subcommand_from netns' -a 'list add attach set delete identify pids exec monitor list-id help'
complete -c ip -n '__fish_seen_subcommand_from route' -a 'add del change replace append prepend test show list flush get help'
complete -c ip -n '__fish_seen_subcommand_from dev master' -a '(ls /sys/class/net)'
