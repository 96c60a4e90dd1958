import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorScreen } from './route-error';

interface State {
  error: unknown;
}

/** Last line of defence above the router: a crash anywhere still leaves a readable page with a way out. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Unhandled UI error', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <ErrorScreen error={this.state.error} /> : this.props.children;
  }
}
