# bash completion for ipbox's ip and brctl applets
_ipbox_ip() {
    local cur prev words cword
    _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
    local opts="-Version -statistics -details -resolve -human-readable -iec -json -pretty -family -4 -6 -0 -M -B -loops -brief -oneline -timestamp -tshort -batch -rcvbuf -netns -Numeric -all -color -force"
    local i obj="" sub=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -n|-netns|-b|-batch|-l|-loops|-f|-family|-rc|-rcvbuf) ((i++)); continue ;;
            -*) continue ;;
        esac
        if [[ -z $obj ]]; then obj=${words[i]}; elif [[ -z $sub ]]; then sub=${words[i]}; fi
    done
    case $prev in
        -n|-netns) COMPREPLY=($(compgen -W "$(ls /run/netns 2>/dev/null)" -- "$cur")); return ;;
        -f|-family) COMPREPLY=($(compgen -W "inet inet6 mpls bridge link" -- "$cur")); return ;;
        dev|master|link) COMPREPLY=($(compgen -W "$(ls /sys/class/net 2>/dev/null)" -- "$cur")); return ;;
        type) COMPREPLY=($(compgen -W "bridge bridge_slave dummy ifb macvlan macvtap veth vlan vxlan" -- "$cur")); return ;;
    esac
    if [[ -z $obj ]]; then
        if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -W "address link netns route help" -- "$cur")); fi
        return
    fi
    if [[ -z $sub ]]; then
        case $obj in
            a|ad|add|addr|addre|addres|address) COMPREPLY=($(compgen -W "add change replace delete show flush help" -- "$cur")) ;;
            l|li|lin|link) COMPREPLY=($(compgen -W "add set change replace delete show property help" -- "$cur")) ;;
            net|netn|netns) COMPREPLY=($(compgen -W "list add attach set delete identify pids exec monitor list-id help" -- "$cur")) ;;
            r|ro|rou|rout|route) COMPREPLY=($(compgen -W "add del change replace append prepend test show list flush get help" -- "$cur")) ;;
        esac
        return
    fi
    case $obj in
        net|netn|netns) COMPREPLY=($(compgen -W "$(ls /run/netns 2>/dev/null)" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "dev $(ls /sys/class/net 2>/dev/null)" -- "$cur")) ;;
    esac
}
_ipbox_brctl() {
    local cur=${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD
    if ((cword == 1)); then
        COMPREPLY=($(compgen -W "addbr delbr addif delif hairpin setageing setbridgeprio setfd sethello setmaxage setpathcost setportprio show showmacs showstp stp" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$(ls /sys/class/net 2>/dev/null) on off" -- "$cur"))
    fi
}
complete -F _ipbox_ip ip
complete -F _ipbox_brctl brctl
