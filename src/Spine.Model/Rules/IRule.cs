using System.Collections.Generic;

namespace Spine.Model
{
    /// <summary>A drift rule: a pure function from a workspace to its findings. A rule whose binding is missing yields nothing.</summary>
    public interface IRule
    {
        RuleDescriptor Descriptor { get; }

        IEnumerable<Finding> Check(SpineWorkspace workspace);
    }
}
