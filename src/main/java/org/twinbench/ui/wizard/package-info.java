/**
 * The guided check for small business owners ("Will my model hold up?"): {@code WizardView} and
 * one small view model per page ({@code DataPageModel}, {@code TargetPageModel},
 * {@code ModelPageModel}, {@code ChangesPageModel}, {@code GroupsPageModel},
 * {@code ResultsPageModel}) that {@code WizardNavigator} moves between.
 */
package org.twinbench.ui.wizard;
