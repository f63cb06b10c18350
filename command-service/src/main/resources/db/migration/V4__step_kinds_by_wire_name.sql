-- known_step.kind holds the contract's wire name of the step (LoopStep.wireName()). Behaviour changes
-- were stored under their label until now; every other kind's label and wire name are the same.
update known_step set kind = 'behavior-change' where kind = 'behaviour change';
