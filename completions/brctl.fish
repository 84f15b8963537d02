# fish completion for ipbox's brctl applet
complete -c brctl -f
complete -c brctl -n '__fish_use_subcommand' -a 'addbr delbr addif delif hairpin setageing setbridgeprio setfd sethello setmaxage setpathcost setportprio show showmacs showstp stp'
complete -c brctl -n 'not __fish_use_subcommand' -a '(ls /sys/class/net) on off'
