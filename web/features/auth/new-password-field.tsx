// A new-password field with the policy as its hint, and the policy's problems in the reader's language.
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN, basicPasswordProblem, type PasswordProblem } from '#shared/auth/password-policy.ts';
import { TextField } from '#web/components/ui/form.tsx';

export function NewPasswordField(props: { id: string; label: string; value: string; onChange(value: string): void; error?: string | undefined }) {
  const { t } = useTranslation('auth');
  return (
    <TextField
      id={props.id}
      label={props.label}
      type="password"
      hint={t('password.hint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      autoComplete="new-password"
      required
    />
  );
}

/** The translated problem with a new password, checked here before the server sees it. */
export function usePasswordCheck() {
  const { t } = useTranslation('auth');
  const say = (problem: PasswordProblem) => t(`password.${problem}`, { min: PASSWORD_MIN, max: PASSWORD_MAX });
  return {
    check: (password: string, email: string | null) => {
      const problem = basicPasswordProblem(password, email);
      return problem ? say(problem) : null;
    },
    /** A server field error on the new password, translated when it is one of the policy's. */
    fromServer: (message: string | undefined) => {
      const problem = passwordProblemOf(message);
      return problem ? say(problem) : (message ?? t('common:error.generic'));
    },
  };
}

const PROBLEM_BY_MESSAGE = new Map(Object.entries(PASSWORD_MESSAGES).map(([problem, message]) => [message, problem as PasswordProblem]));

/** The password problem a server field error stands for, so the page can say it in the reader's language. */
function passwordProblemOf(message: string | undefined): PasswordProblem | null {
  return message ? (PROBLEM_BY_MESSAGE.get(message) ?? null) : null;
}
