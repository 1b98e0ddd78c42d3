using Xunit;

namespace Spine.Runtime.Tests;

/// <summary>The sshd tests bind fixed loopback addresses; they run one after another.</summary>
[CollectionDefinition("sshd", DisableParallelization = true)]
public sealed class SshdCollection
{
}
