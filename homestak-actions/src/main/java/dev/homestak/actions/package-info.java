/**
 * Composable, immutable actions for every step of a scenario: the {@link dev.homestak.actions.Action}
 * model with its combinators, the ports an action runs against ({@link dev.homestak.actions.ActionContext}),
 * and the OpenTofu, Ansible and SSH actions of the original {@code iac-driver}.
 */
@NullMarked
package dev.homestak.actions;

import org.jspecify.annotations.NullMarked;
