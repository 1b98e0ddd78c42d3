namespace Spine.Runtime.Proxmox;

public enum GuestKind
{
    Vm,
    Container,
}

/// <summary>A Proxmox guest as <c>qm list</c> / <c>pct list</c> report it.</summary>
public sealed record Guest(int Id, GuestKind Kind, string Name, string Status)
{
    public bool IsRunning => Status == "running";

    public override string ToString() => $"{(Kind == GuestKind.Vm ? "VM" : "CT")} {Id} {Name} {Status}";
}
