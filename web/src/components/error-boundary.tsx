import { Component, type ComponentChildren } from 'preact';
import { ErrorPage } from './page';

/** Last line of defence: a rendering bug shows a French error page instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ComponentChildren; resetKey: string }, { error: unknown; key: string }> {
  override state = { error: undefined as unknown, key: this.props.resetKey };

  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate() {
    if (this.state.error && this.state.key !== this.props.resetKey) this.setState({ error: undefined, key: this.props.resetKey });
    else if (this.state.key !== this.props.resetKey) this.setState({ key: this.props.resetKey });
  }

  override render() {
    if (this.state.error) return <ErrorPage kind="error" message="L’affichage de cette page a échoué. Revenez à l’accueil ou rechargez la page." />;
    return this.props.children;
  }
}
